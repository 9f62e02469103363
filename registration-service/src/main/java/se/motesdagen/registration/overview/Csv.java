package se.motesdagen.registration.overview;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file that Excel opens right in a Swedish locale: UTF-8 with a byte-order mark (or å, ä and ö
 * come out garbled), semicolons between cells (Excel's list separator where the decimal mark is a
 * comma) and CRLF line ends. A cell that begins like a formula gets a leading apostrophe, so a company
 * name such as {@code =HYPERLINK(...)} is shown as text and never run (CSV injection).
 */
public final class Csv {

    private static final String BOM = "\uFEFF";
    private final StringBuilder text = new StringBuilder(BOM);

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(';') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0
                || !safe.equals(safe.strip());
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
