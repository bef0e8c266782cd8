/** The goals and annotations a page hands to its time axis charts (their answers carry neither). */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { DateWindow } from '@yugang/contract';
import { annotationsQueryOptions } from '../../features/annotations/api/get-annotations';
import { useGoals } from '../../features/goals/api/goals';
import type { ChartMarks } from '../../lib/goal-lines';

const NONE: readonly never[] = [];

/**
 * Every goal and the annotations in `range`; undefined while either loads or the range is not
 * known yet. A failed read of either draws the charts without them rather than not at all.
 */
export function useChartMarks(ws: string, range: DateWindow | null): ChartMarks | undefined {
  const goals = useGoals(ws, {});
  const annotations = useQuery({
    ...annotationsQueryOptions(ws, { from: range?.from ?? '', to: range?.to ?? '' }),
    enabled: range !== null,
  });
  const goalList = goals.isError ? NONE : goals.data?.goals;
  const annotationList = annotations.isError ? NONE : annotations.data?.annotations;
  return useMemo(
    () =>
      goalList && annotationList ? { goals: goalList, annotations: annotationList } : undefined,
    [goalList, annotationList],
  );
}
