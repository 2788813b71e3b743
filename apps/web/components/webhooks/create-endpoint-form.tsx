"use client";

import type { WebhookEventType } from "@sharelinks/core/webhook-events";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { Alert, Button, Field } from "../ui";
import { EVENT_HINTS, EVENT_TYPES, WEBHOOK_LIMITS } from "./webhook-limits";

export interface CreateEndpointInput {
  url: string;
  events?: WebhookEventType[];
  description?: string;
}

/**
 * URL, the events to send (every one by default: the API's default too) and
 * a description. Field errors come from the server's answer (the SSRF rules
 * need DNS, so only the server can say a URL is refused).
 */
export function CreateEndpointForm({
  pending,
  error,
  onCreate,
}: {
  pending: boolean;
  error: unknown;
  onCreate: (input: CreateEndpointInput) => void;
}) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [allEvents, setAllEvents] = useState(true);
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const errors = fieldErrorsOf(error);
  const noEvents = !allEvents && events.length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || noEvents) return;
    onCreate({
      url: url.trim(),
      ...(!allEvents && { events: EVENT_TYPES.filter((type) => events.includes(type)) }),
      ...(description.trim() && { description: description.trim() }),
    });
  };

  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));

  return (
    <form className="webhook-form" onSubmit={onSubmit} noValidate>
      <Field
        label="Endpoint URL"
        error={errors.url}
        hint="Where events are POSTed. https only; private and internal addresses are refused."
      >
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            placeholder="https://example.com/hooks/sharelinks"
            maxLength={WEBHOOK_LIMITS.url}
            required
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      <Field label="Description" optional error={errors.description}>
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={WEBHOOK_LIMITS.description}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="webhook-events">
        <legend>Events</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={allEvents}
            onChange={(event) => setAllEvents(event.target.checked)}
          />
          All events
        </label>
        {allEvents ? null : (
          <ul className="webhook-event-list">
            {EVENT_TYPES.map((type) => (
              <li key={type}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={events.includes(type)}
                    onChange={(event) => toggle(type, event.target.checked)}
                  />
                  <code className="mono">{type}</code>
                  {EVENT_HINTS[type] ? <span className="muted small">{EVENT_HINTS[type]}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        )}
        {noEvents ? <p className="field-error">Pick at least one event, or send all of them.</p> : null}
        {errors.events ? <p className="field-error">{errors.events}</p> : null}
      </fieldset>
      {error && !errors.url && !errors.description && !errors.events ? (
        <Alert tone="error">{errorMessage(error)}</Alert>
      ) : null}
      <div>
        <Button type="submit" variant="primary" loading={pending} disabled={noEvents}>
          Add endpoint
        </Button>
      </div>
    </form>
  );
}
