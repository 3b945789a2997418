import type {ComponentProps, ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import MissingFieldNotice from '@site/src/components/MissingFieldNotice';

// Every docs page: the notice for a deep link to a field this release lacks, above the content.
export default function ContentWrapper(props: ComponentProps<typeof Content>): ReactNode {
  return (
    <>
      <MissingFieldNotice />
      <Content {...props} />
    </>
  );
}
