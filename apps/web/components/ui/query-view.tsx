"use client";

import type { ReactNode } from "react";
import { EmptyState } from "./empty-state";
import { ErrorState } from "./error-state";
import { Skeleton } from "./skeleton";
import "./query-view.css";

/** What QueryView reads from a TanStack `useQuery` / `useInfiniteQuery` result. */
export interface QueryLike<T> {
  status: "pending" | "error" | "success";
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * The loading / error / empty / data ladder every list walks: a skeleton while
 * pending, an error with "Try again", the `empty` state when `isEmpty` says so,
 * otherwise `children(data)`.
 */
export function QueryView<T>({
  query,
  loadingLabel,
  loadingLines = 5,
  errorTitle,
  isEmpty,
  empty,
  framed = false,
  children,
}: {
  query: QueryLike<T>;
  /** Announced while loading ("Loading reports"). */
  loadingLabel: string;
  loadingLines?: number;
  /** "Couldn't load reports". */
  errorTitle: string;
  isEmpty?: (data: T) => boolean;
  /** Shown when `isEmpty(data)`; an `<EmptyState>` with one action. */
  empty?: ReactNode;
  /** Put loading, error and empty in a panel of their own (for data that is not drawn inside one). */
  framed?: boolean;
  children: (data: T) => ReactNode;
}) {
  const frame = (node: ReactNode) => (framed ? <div className="panel">{node}</div> : node);
  if (query.status === "pending") {
    return frame(
      <div className="query-loading">
        <Skeleton lines={loadingLines} label={loadingLabel} />
      </div>,
    );
  }
  if (query.status === "error") {
    return frame(<ErrorState error={query.error} onRetry={() => void query.refetch()} title={errorTitle} />);
  }
  const data = query.data as T;
  if (isEmpty?.(data)) return frame(empty ?? <EmptyState title="Nothing here yet" />);
  return <>{children(data)}</>;
}
