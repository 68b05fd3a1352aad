import { useState, type ReactNode } from 'react';

/** A collapsible section of a page; its content mounts only while open (logs load on demand). */
export function PageSection({ title, children, initiallyOpen = true, testId }: { title: string; children: ReactNode; initiallyOpen?: boolean; testId?: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="section" open={open} data-testid={testId} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      {open && children}
    </details>
  );
}
