package io.intelligencecrm.core.events;

/** A consumer of record changes, delivered through its own outbox kind. */
public interface ChangeSubscriber {
    /** The outbox kind its handler consumes, e.g. "embed". */
    String outboxKind();

    /**
     * True when only the latest state matters (re-embedding, rescoring): repeated changes to one
     * record collapse into one pending message. False when every event counts (workflow triggers).
     */
    boolean coalescePerRecord();

    boolean wants(RecordChange change);
}
