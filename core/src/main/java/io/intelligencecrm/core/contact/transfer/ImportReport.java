package io.intelligencecrm.core.contact.transfer;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do in a dry run.
 *
 * @param mapping          each column's target (a field, custom.name or ignore)
 * @param attributeTypes   the inferred type of every custom attribute column
 * @param companiesCreated companies that did not exist and were (or would be) created
 */
public record ImportReport(boolean dryRun, int rows, int created, int updated, int skipped, int companiesCreated,
                           List<RejectedRow> rejected, Map<String, String> mapping,
                           Map<String, AttributeType> attributeTypes) {

    /** A row that was not imported, with its spreadsheet row number and the reason. */
    public record RejectedRow(int row, String reason) {
    }
}
