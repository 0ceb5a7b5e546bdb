package dev.bulwark.protocol.query;

/**
 * Appends well-formed XML to a buffer. Text is escaped so that any string a caller or a
 * service produced stays character data: markup characters become entities, carriage
 * returns are kept as {@code &#13;} (parsers would otherwise fold them into line feeds),
 * and characters XML 1.0 cannot carry at all become U+FFFD.
 */
final class XmlBuilder {
    private final StringBuilder xml = new StringBuilder(256);

    XmlBuilder open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    XmlBuilder openWithNamespace(String name, String namespace) {
        xml.append('<').append(name).append(" xmlns=\"");
        escape(namespace);
        xml.append("\">");
        return this;
    }

    XmlBuilder close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    XmlBuilder empty(String name) {
        xml.append('<').append(name).append("/>");
        return this;
    }

    XmlBuilder element(String name, String text) {
        open(name);
        escape(text);
        return close(name);
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\r' -> xml.append("&#13;");
                default -> {
                    if (isXmlChar(c)) {
                        xml.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else {
                        xml.append('\uFFFD');
                    }
                }
            }
        }
    }

    /** XML 1.0's Char production for one UTF-16 unit, surrogates excluded. */
    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
