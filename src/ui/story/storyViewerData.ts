// What a story's HTML file carries, read back by its viewer: the story (checked as a story file
// is) and its events (validated as any dataset is). The file may have been edited since it was
// written, so each problem is named, and the good parts are used.
import type { Dataset } from '../../model/schema.ts';
import { validateDataset } from '../../model/validate.ts';
import { PACKED_JSON_ENCODING, unpackJson } from '../../story/packedJson.ts';
import { decodeStoryValue } from '../../story/storyCodec.ts';
import type { Story } from '../../story/story.ts';

export interface StoryViewerData {
  story: Story | null;
  dataset: Dataset | null;
  /** What could not be read, each naming the block and the reason. */
  problems: string[];
}

function parsed(text: string | null, name: string, problems: string[]): unknown {
  if (text === null) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push(`${name} is not JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** The block's JSON text; undefined when it could not be unpacked (the problem is said). */
function unpacked(text: string | null, encoding: string | undefined, problems: string[]): string | null | undefined {
  if (text === null || encoding === undefined) return text;
  if (encoding !== PACKED_JSON_ENCODING) {
    problems.push(`the data block is in an encoding this viewer does not read (${encoding.slice(0, 40)})`);
    return undefined;
  }
  try {
    return unpackJson(text);
  } catch (error) {
    problems.push(`the data block is damaged: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * `storyText` and `datasetText`: the texts of the file's two JSON blocks (null when a block is
 * missing); `datasetEncoding`: the data block's `data-encoding`, when it is deflated (a large one).
 */
export function readStoryViewerData(storyText: string | null, datasetText: string | null, datasetEncoding?: string): StoryViewerData {
  const problems: string[] = [];
  let story: Story | null = null;
  const storyValue = parsed(storyText, 'the story block', problems);
  if (storyValue !== undefined) {
    const decoded = decodeStoryValue(storyValue, 'the story block');
    problems.push(...decoded.problems);
    if (decoded.ok) story = decoded.story;
  }
  let dataset: Dataset | null = null;
  const datasetJson = unpacked(datasetText, datasetEncoding, problems);
  const datasetValue = datasetJson === undefined ? undefined : parsed(datasetJson, 'the data block', problems);
  if (datasetValue !== undefined) {
    const result = validateDataset(datasetValue);
    if (result.ok) dataset = result.dataset;
    else problems.push(`the data block is not a valid dataset (${result.problems.length} problems): ${result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return { story, dataset, problems };
}
