import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** A card's heading: a real h2 for the page outline, sized like AntD's card title. */
export function CardTitle({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h2 id={id} style={{ fontSize: 16, fontWeight: 600, margin: 0, whiteSpace: 'normal', lineHeight: 1.4 }}>
      {children}
    </h2>
  );
}

/**
 * A card heading with its controls; on a narrow screen the controls wrap below the heading instead of
 * squeezing it (AntD's `extra` keeps them on one line).
 */
export function CardHeading({ id, title, extra }: { id?: string; title: ReactNode; extra: ReactNode }) {
  return (
    <Flex
      wrap
      justify="space-between"
      align="center"
      gap={8}
      style={{ padding: '8px 0', fontWeight: 'normal' }}
    >
      <CardTitle id={id}>{title}</CardTitle>
      {extra}
    </Flex>
  );
}
