import type { ReactNode } from 'react';
import { locateTask } from '../../../components/document/body-model';
import type { ReaderAnnotations } from '../../../components/document/DocumentReader';
import type { TaskView } from '../../../lib/api-types';
import { TaskMeta } from './TaskUnits';

/** Where each task sits in the body (paragraph indexes), in task order. */
export function taskPlaces(paragraphs: readonly string[], tasks: readonly TaskView[]): Map<number, number[]> {
  return new Map(tasks.map((t) => [t.id, locateTask(paragraphs, t.text)]));
}

/**
 * Task paragraphs are tinted, and each task's units and deadline follow its last paragraph.
 * A task not found in the body still appears in the 任务清单 tab.
 */
export function annotateTasks(tasks: readonly TaskView[], places: ReadonlyMap<number, number[]>) {
  return (): ReaderAnnotations => {
    const highlighted = new Set<number>();
    const afterIndex = new Map<number, ReactNode[]>();
    tasks.forEach((task, i) => {
      const at = places.get(task.id) ?? [];
      for (const p of at) highlighted.add(p);
      const last = at[at.length - 1];
      if (last === undefined) return;
      const list = afterIndex.get(last) ?? [];
      list.push(<TaskMeta key={task.id} task={task} index={i} />);
      afterIndex.set(last, list);
    });
    return { highlighted, after: (index) => afterIndex.get(index) ?? null };
  };
}
