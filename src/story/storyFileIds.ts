// The element ids a story's HTML file and its viewer agree on (export/storyHtml.ts writes them,
// storyViewer.tsx reads them).

/** The story's JSON (the story file's format). */
export const STORY_JSON_ID = 'story-json';
/** The events the story shows, as the app's dataset JSON. */
export const STORY_DATASET_ID = 'story-dataset';
/** Where the viewer mounts: empty (and hidden) until its script runs. */
export const STORY_VIEWER_ID = 'story-viewer';
