/** The dashboard's primitives, one per file; import from here. */
export { Alert, type AlertTone } from "./alert";
export { Badge, type BadgeTone } from "./badge";
export { Button, type ButtonProps, type ButtonVariant, buttonClass } from "./button";
export { ConfirmDialog } from "./confirm-dialog";
export { CopyButton } from "./copy-button";
export { Disclosure } from "./disclosure";
export { EmptyState } from "./empty-state";
export { ErrorState } from "./error-state";
export { Field, type FieldControlProps } from "./field";
export * as Icons from "./icons";
export { PageHeader } from "./page-header";
export { type QueryLike, QueryView } from "./query-view";
export { Skeleton } from "./skeleton";
export { Spinner } from "./spinner";
export { StaticMarkup } from "./static-markup";
export { StatusBadge } from "./status-badge";
