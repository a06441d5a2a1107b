package io.intelligencecrm.core.csv;

import java.util.List;

/** One record of a CSV file; {@code row} counts records as a spreadsheet would (the header is row 1). */
public record CsvRecord(int row, List<String> cells) {
}
