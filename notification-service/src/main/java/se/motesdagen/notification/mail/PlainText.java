package se.motesdagen.notification.mail;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The plain-text part of a mail, read out of its HTML part, so the two always say the same thing and a
 * template is written once. Headings and paragraphs become blocks, list items lines with a dash, table
 * rows "heading: value", and a link its text with the address beside it (a button's address on a line of
 * its own, so it can be copied). Images are left out: their words are already in the text.
 */
final class PlainText {

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PlainText() {}

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder text = new StringBuilder();
        children(body, text, "");
        String tidy = TRAILING_SPACE.matcher(text.toString()).replaceAll("\n");
        return BLANK_LINES.matcher(tidy).replaceAll("\n\n").strip() + "\n";
    }

    private static void children(Element element, StringBuilder text, String indent) {
        for (Node child : element.childNodes()) {
            node(child, text, indent);
        }
    }

    private static void node(Node node, StringBuilder text, String indent) {
        if (node instanceof TextNode words) {
            String value = WHITESPACE.matcher(words.text()).replaceAll(" ");
            if (text.isEmpty() || endsWithSpace(text)) {
                value = value.stripLeading();
            }
            text.append(value);
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        switch (element.normalName()) {
            case "head", "style", "script", "img", "title" -> {}
            case "br" -> text.append('\n').append(indent);
            case "h1", "h2", "h3", "h4", "p", "div", "section", "header", "main", "article" ->
                block(element, text, indent);
            case "footer", "hr" -> {
                text.append("\n\n----\n");
                children(element, text, indent);
                text.append("\n\n");
            }
            case "ul", "ol" -> {
                newLine(text);
                int number = 1;
                for (Element item : element.children()) {
                    String bullet = element.normalName().equals("ol") ? (number++) + ". " : "- ";
                    text.append(indent).append(bullet);
                    children(item, text, indent + "  ");
                    newLine(text);
                }
                if (indent.isEmpty()) {
                    text.append('\n'); // a blank line after a list, not after one inside another
                }
            }
            case "table" -> {
                newLine(text);
                text.append('\n');
                for (Element row : element.select("tr")) {
                    if (row.select("th").size() > 1 && row.select("td").isEmpty()) {
                        continue; // a header row says nothing on its own in text
                    }
                    StringBuilder line = new StringBuilder();
                    for (Element cell : row.children()) {
                        StringBuilder cellText = new StringBuilder();
                        children(cell, cellText, indent + "  ");
                        String value = cellText.toString().strip();
                        if (value.isEmpty()) {
                            continue;
                        }
                        if (!line.isEmpty()) {
                            line.append(
                                    cell.normalName().equals("td")
                                                    && row.child(0).normalName().equals("th")
                                                    && cell.elementSiblingIndex() == 1
                                            ? ": "
                                            : ", ");
                        }
                        line.append(value);
                    }
                    text.append(indent).append(line).append('\n');
                }
                text.append('\n');
            }
            case "a" -> link(element, text, indent);
            default -> children(element, text, indent);
        }
    }

    private static void block(Element element, StringBuilder text, String indent) {
        newLine(text);
        text.append('\n').append(indent);
        children(element, text, indent);
        text.append('\n');
    }

    private static void link(Element link, StringBuilder text, String indent) {
        String href = link.attr("href");
        String words = link.text().strip();
        if (href.isEmpty() || href.startsWith("#") || href.equals(words)) {
            text.append(words);
        } else if (link.hasClass("button")) {
            newLine(text);
            text.append(indent)
                    .append(words)
                    .append(":\n")
                    .append(indent)
                    .append(href)
                    .append('\n');
        } else if (href.startsWith("mailto:") && href.substring(7).equals(words)) {
            text.append(words);
        } else {
            text.append(words)
                    .append(" (")
                    .append(href.startsWith("mailto:") ? href.substring(7) : href)
                    .append(')');
        }
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static boolean endsWithSpace(StringBuilder text) {
        char last = text.charAt(text.length() - 1);
        return last == ' ' || last == '\n';
    }
}
