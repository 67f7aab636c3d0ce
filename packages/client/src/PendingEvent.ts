import type {
  AuditEvent,
  DataResponse,
  EventContext,
  EventPayload,
  ResourceObject,
  TargetInput,
} from '@getimmutable/contract';

/**
 * An event being built by `client.actor(...)`: each method sets a field and returns the same
 * builder; `track()` sends it.
 */
export class PendingEvent {
  readonly #send: (payload: EventPayload) => Promise<DataResponse<AuditEvent>>;
  readonly #payload: Omit<EventPayload, 'action'>;

  constructor(
    send: (payload: EventPayload) => Promise<DataResponse<AuditEvent>>,
    actorId: string,
    actor: { name?: string | null; type?: string | null } = {},
  ) {
    this.#send = send;
    this.#payload = { actor_id: actorId };
    if (actor.name != null) this.#payload.actor_name = actor.name;
    if (actor.type != null) this.#payload.actor_type = actor.type;
  }

  /** Sets the deduplication key: a repeat in the same tenant returns the first event. */
  idempotencyKey(key: string): this {
    this.#payload.idempotency_key = key;
    return this;
  }

  /** Sets the event schema version. */
  version(v: number): this {
    this.#payload.version = v;
    return this;
  }

  /** Sets the session identifier. */
  session(id: string): this {
    this.#payload.session_id = id;
    return this;
  }

  /** Sets the action category. */
  actionCategory(category: string): this {
    this.#payload.action_category = category;
    return this;
  }

  /** Sets the tenant (each tenant has its own hash chain and viewer scope). */
  tenant(id: string): this {
    this.#payload.tenant_id = id;
    return this;
  }

  /** Sets where the action came from; the server never fills this from the request. */
  context(context: Partial<EventContext>): this {
    this.#payload.context = context;
    return this;
  }

  /** Adds one target. */
  target(
    type: string,
    id?: string | null,
    name?: string | null,
    metadata?: Record<string, unknown> | null,
  ): this {
    const target: TargetInput = { type };
    if (id != null) target.id = id;
    if (name != null) target.name = name;
    if (metadata != null) target.metadata = metadata;
    (this.#payload.targets ??= []).push(target);
    return this;
  }

  /** Sets all targets at once. */
  targets(targets: TargetInput[]): this {
    this.#payload.targets = [...targets];
    return this;
  }

  /** Sends the event. `resource` is a type (`"document"`) or `{ type, id, name }`. */
  track(
    action: string,
    resource?: string | ResourceObject | null,
    metadata?: Record<string, unknown> | null,
  ): Promise<DataResponse<AuditEvent>> {
    const payload: EventPayload = { ...this.#payload, action };
    if (resource != null) payload.resource = resource;
    if (metadata != null) payload.metadata = metadata;
    return this.#send(payload);
  }
}
