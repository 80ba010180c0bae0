// Stands in for the map (MapShell) and the event details' locator map (PlaceLocator) in the story
// file's viewer (see scripts/storyViewerBuild.ts): their code and basemap would make the file
// several times larger, and the viewer shows the timeline only. The details still say where an
// event happened, in words.
export default function NoMap(): null {
  return null;
}
