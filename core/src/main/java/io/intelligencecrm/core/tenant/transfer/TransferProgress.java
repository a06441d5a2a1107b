package io.intelligencecrm.core.tenant.transfer;

/** Progress of an export or import: a table finished, with its row count, as table number of tables. */
public record TransferProgress(String table, long rows, int tableNumber, int tables) {
}
