// The step card, loaded when a story is first presented or embedded: with it comes the caption's
// Markdown reader, which the first screen of the app does not need.
import { lazy, Suspense, type ComponentProps } from 'react';

const StepCard = lazy(() => import('./StepCard.tsx').then((m) => ({ default: m.StepCard })));

export function LazyStepCard(props: ComponentProps<typeof StepCard>) {
  return (
    <Suspense fallback={null}>
      <StepCard {...props} />
    </Suspense>
  );
}
