// The one message an embed sends: its content height, so the host can size the iframe. It listens
// to no message.
export const RESIZE_MESSAGE = 'conflict-timeline:resize';

export function startResizeMessages(content: HTMLElement, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    win.parent.postMessage({ type: RESIZE_MESSAGE, height }, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(content);
  post();
  return () => observer.disconnect();
}
