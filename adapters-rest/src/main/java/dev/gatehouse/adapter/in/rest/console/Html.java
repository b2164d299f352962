package dev.gatehouse.adapter.in.rest.console;

import dev.gatehouse.application.port.in.ViewDashboardUseCase.DayCount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The console's HTML, written by hand: every value that is not a literal of this class goes through
 * {@link #esc} (text and attribute values alike, quotes included), so nothing a user typed becomes markup.
 * No script and no inline style anywhere: the console's CSP allows neither.
 */
public final class Html {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {
    }

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** "3 d 4 h", "12 min": an age or a lifetime at a glance. */
    static String age(Instant from, Instant now) {
        return span(Duration.between(from, now));
    }

    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172800) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }

    static String badge(boolean good, String yes, String no) {
        return "<span class=\"badge " + (good ? "ok" : "bad") + "\">" + esc(good ? yes : no) + "</span>";
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    /** A form with one button that posts to {@code action}. */
    static String button(String action, String csrf, String label, String css, Map<String, String> hidden) {
        StringBuilder html = new StringBuilder("<form class=\"inline\" method=\"post\" action=\"").append(esc(action)).append("\">")
                .append(csrfField(csrf));
        hidden.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"").append(esc(v))
                .append("\">"));
        return html.append("<button type=\"submit\" class=\"").append(esc(css)).append("\">").append(esc(label))
                .append("</button></form>").toString();
    }

    /** A bar chart of counts per day, drawn on the server: one rect per day, with a title for its value. */
    static String chart(String label, List<DayCount> days, boolean bad) {
        int width = 300;
        int height = 110;
        int top = 12;
        int bottom = 18;
        long max = Math.max(1, days.stream().mapToLong(DayCount::count).max().orElse(1));
        double slot = (double) width / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">");
        svg.append("<line class=\"axis\" x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(height - bottom)
                .append("\" y2=\"").append(height - bottom).append("\"/>");
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            double h = (height - top - bottom) * (double) day.count() / max;
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect class=\"bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d</title></rect>",
                    bad ? " bad" : "", i * slot + 1, height - bottom - h, Math.max(1, slot - 2), h, day.day(), day.count()));
        }
        svg.append("<text x=\"0\" y=\"10\">").append(max).append("</text>");
        if (!days.isEmpty()) {
            svg.append("<text x=\"0\" y=\"").append(height - 4).append("\">").append(days.getFirst().day()).append("</text>");
            svg.append("<text x=\"").append(width).append("\" y=\"").append(height - 4).append("\" text-anchor=\"end\">")
                    .append(days.getLast().day()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Previous/next links keeping the other query values; {@code page} is 1-based. */
    static String pager(String path, Map<String, String> query, int page, int size, long total) {
        long pages = Math.max(1, (total + size - 1) / size);
        StringBuilder html = new StringBuilder("<nav class=\"pager\" aria-label=\"Pages\">");
        if (page > 1) {
            html.append("<a href=\"").append(esc(link(path, query, page - 1))).append("\" rel=\"prev\">← Previous</a>");
        }
        html.append("<span>Page ").append(page).append(" of ").append(pages).append(" (").append(total).append(")</span>");
        if (page < pages) {
            html.append("<a href=\"").append(esc(link(path, query, page + 1))).append("\" rel=\"next\">Next →</a>");
        }
        return html.append("</nav>").toString();
    }

    static String link(String path, Map<String, String> query, int page) {
        StringBuilder url = new StringBuilder(path).append("?page=").append(page);
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                url.append('&').append(url(k)).append('=').append(url(v));
            }
        });
        return url.toString();
    }
}
