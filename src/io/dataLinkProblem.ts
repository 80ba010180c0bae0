// Why a data link was not opened, as data: its own module, so that the messages can word it
// without importing the fetching code that words it in English (an import cycle).

/** Why a data link was not opened; the UI words it in its language (messages' dataLinkProblem). */
export type DataLinkProblem =
  | { kind: 'not-a-url' | 'not-http' | 'credentials'; link: string }
  | { kind: 'status'; url: string; status: string }
  | { kind: 'too-large'; url: string; megabytes: number | null; limitMegabytes: number }
  /** Nothing arrived for that long: no answer, or a body that stopped. */
  | { kind: 'timeout'; url: string; seconds: number }
  /** Stopped before it was in: the reader's Cancel, or another file opened meanwhile. */
  | { kind: 'cancelled'; url: string }
  | { kind: 'unreachable'; url: string; detail: string };

