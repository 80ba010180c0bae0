// Stories for tests and benches: five steps through the September 2022 clashes of the seed
// dataset, and a story whose every caption, source and title is a script payload.
import type { Story } from '../story/story.ts';
import { XSS_PAYLOADS } from './hostileText.ts';

/** The five-step story of issue #25's "done when", on data/seed.json. */
export function septemberStory(): Story {
  return {
    title: 'The September 2022 border clashes',
    steps: [
      {
        id: 's1',
        view: 'from=2022-09-12T12:00&to=2022-09-16&types=clash',
        caption: 'Fighting breaks out along the border on **13 September**, near *Goris* and *Jermuk*.',
        sources: ['https://www.aljazeera.net/news/2022/9/13/armenia-azerbaijan'],
      },
      {
        id: 's2',
        view: 'from=2022-09-13&to=2022-09-15&types=ceasefire&event=2022-09-13-russian-ceasefire',
        caption: 'A Russian-brokered ceasefire from 09:00 Moscow time fails within hours.',
        sources: [],
      },
      {
        id: 's3',
        view: 'from=2022-09-14T12:00&to=2022-09-15T06:00&types=ceasefire,statement',
        caption: 'The ceasefire of **20:00** holds.\n\nArmenia’s defence ministry says the border is calm. [Read more](https://example.org/calm)',
        sources: ['Armenian Ministry of Defence statement, 14 September 2022'],
      },
      {
        id: 's4',
        view: 'from=2022-09-13T18:00&to=2022-09-15T06:00&types=protest&lanes=actor',
        caption: 'Protesters in Yerevan call Pashinyan a traitor.',
        sources: ['https://www.aljazeera.net/news/2022/9/14/yerevan-protests', 'mailto:desk@example.org'],
      },
      {
        id: 's5',
        view: 'from=2022-09-13&to=2022-09-16&types=casualty-report,diplomacy',
        caption: 'Both sides count their dead; the CSTO sends a mission.',
        sources: [],
      },
    ],
  };
}

/** Every caption a script payload (in the text, in a link, in HTML), and hostile sources and title. */
export function hostileStory(): Story {
  return {
    title: `${XSS_PAYLOADS[1]} hostile story`,
    steps: XSS_PAYLOADS.slice(0, 6).map((payload, i) => ({
      id: `s${i + 1}`,
      view: 'from=2022-09-12&to=2022-09-16',
      caption: `${payload}\n\n[click](javascript:window.__xss=1) **${payload}** ${XSS_PAYLOADS[(i + 6) % XSS_PAYLOADS.length]}`,
      sources: ['javascript:window.__xss=1', payload, 'data:text/html,<script>window.__xss=1</script>'],
    })),
  };
}
