package dev.forewarn.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.forewarn.testing.Scenario;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the notices GreenMail received: by recipient, their headers and the links in their bodies. */
final class Notices {
    private static final Pattern STATUS_LINK = Pattern.compile("https?://[^\\s\"<>]+/status/[^\\s\"<>]+");

    private Notices() {
    }

    static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> Scenario.recipient(m).equals(address)).toList();
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status-page links of the notice's plain-text body, in order (status page, then preferences). */
    static List<String> links(MimeMessage m) {
        String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = STATUS_LINK.matcher(body);
        return matcher.results().map(r -> r.group()).distinct().toList();
    }

    /** Path and query of an absolute link, to request it from the application under test. */
    static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
