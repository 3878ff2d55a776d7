package dev.ydmyk.email;

import dev.ydmyk.triage.QuotedText;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a complaint needs from one message, defensively: broken headers, unknown charsets and
 * bad transfer encodings fall back instead of failing; only the text parts are read (attachments
 * are listed by name, never downloaded); HTML-only mail becomes text; quoted history and signatures
 * are cut off. Auto-replies, bounces, read receipts and mailing lists are recognised so that the
 * service never answers a machine.
 */
final class MailParser {

    /** The most of one text part that is read; a complaint keeps at most 10,000 characters of it. */
    static final int MAX_TEXT_BYTES = 256 * 1024;
    private static final int MAX_DEPTH = 8;

    private static final Set<String> AUTO_HEADERS = Set.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^\\s*(Auto(matic)?[ -]?(reply|response|answer|svar)?\\s*:|Automatisk svar|Automatiskt svar|Autosvar|Autoreply"
                    + "|Out of (the )?office|Fraværende\\s*:|Fravær\\s*:|Frånvaro|Abwesenheitsnotiz|Automatische Antwort|Poissaolo)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^\\s*(Undeliverable|Undelivered Mail|Delivery Status Notification|Delivery (has )?failed|Mail delivery failed"
                    + "|Returned mail|Failure notice|Kan ikke leveres|Kunne ikke leveres|Ikke levert|Levering mislyktes"
                    + "|Levering mislykkedes|Olevererbart|Kunde inte levereras|Unzustellbar|Non remis)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s\\x00-\\x1F\\x7F]{1,490}>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>@\"]{1,64}@[^\\s<>@\"]{1,255}");
    private static final Pattern NAME_LIKE_LOCAL = Pattern.compile("([a-zæøåäöü]{2,})[._]([a-zæøåäöü]{2,})", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

    private MailParser() {
    }

    static IncomingMail parse(MimeMessage m, String ownAddress) throws MessagingException {
        InternetAddress from = address(m, "From");
        InternetAddress replyTo = address(m, "Reply-To");
        String subject = subject(m);
        Body body = new Body();
        walk(m, body, 0);
        // Some clients send an empty text/plain part beside the HTML one: the HTML then holds the message.
        String text = body.plain != null && !body.plain.isBlank() ? body.plain : body.html != null ? htmlToText(body.html) : "";
        text = clean(QuotedText.trim(text));
        if (text.isBlank() && subject != null && !subject.replaceAll("(?i)^\\s*((re|sv|aw|vs|fw|fwd|vb)\\s*:\\s*)+", "").isBlank()) {
            text = subject.strip();
        }
        String passOver = automatic(m, from, subject, ownAddress);
        if (passOver == null && from == null) {
            passOver = "no sender address";
        }
        if (passOver == null && text.isBlank()) {
            passOver = "no text" + (body.attachments.isEmpty() ? "" : " (only attachments: " + String.join(", ", body.attachments) + ")");
        }
        List<String> references = ids(header(m, "References"));
        List<String> inReplyTo = ids(header(m, "In-Reply-To"));
        Date sent = sentDate(m);
        return new IncomingMail(messageId(m, from, subject, text), from == null ? null : name(from), from == null ? null : clean(from.getAddress()),
                replyTo != null ? clean(replyTo.getAddress()) : from == null ? null : clean(from.getAddress()), subject == null ? null : clean(subject),
                text, inReplyTo.isEmpty() ? null : inReplyTo.get(0), references,
                sent == null ? null : sent.toInstant().atOffset(ZoneOffset.UTC), List.copyOf(body.attachments), passOver);
    }

    /** Why a message is not a customer's own writing, or null. */
    static String automatic(MimeMessage m, InternetAddress from, String subject, String ownAddress) throws MessagingException {
        String auto = header(m, "Auto-Submitted");
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-reply (Auto-Submitted: " + auto.strip() + ")";
        }
        for (String h : AUTO_HEADERS) {
            if (header(m, h) != null) {
                return "auto-reply (" + h + ")";
            }
        }
        for (String h : List.of("Precedence", "X-Precedence")) {
            String p = header(m, h);
            if (p != null && BULK.contains(p.strip().toLowerCase(Locale.ROOT))) {
                return "bulk or automatic mail (" + h + ": " + p.strip() + ")";
            }
        }
        if (isType(m, "multipart/report")) {
            String type = "";
            try {
                type = new ContentType(m.getContentType()).getParameter("report-type");
            } catch (Exception ignored) {
                // a report all the same
            }
            return "disposition-notification".equalsIgnoreCase(type) ? "read receipt" : "bounce (delivery status report)";
        }
        if (from != null) {
            String local = from.getAddress().substring(0, Math.max(0, from.getAddress().indexOf('@'))).toLowerCase(Locale.ROOT);
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return "bounce (from " + from.getAddress() + ")";
            }
            if (ownAddress != null && from.getAddress().equalsIgnoreCase(ownAddress)) {
                return "our own message";
            }
        }
        String returnPath = header(m, "Return-Path");
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return "bounce (empty Return-Path)";
        }
        if (header(m, "List-Id") != null || header(m, "List-Unsubscribe") != null) {
            return "mailing list or newsletter (List-Id/List-Unsubscribe)";
        }
        if (subject != null && AUTO_SUBJECT.matcher(subject).find()) {
            return "auto-reply (subject \"" + subject.strip() + "\")";
        }
        if (subject != null && BOUNCE_SUBJECT.matcher(subject).find()) {
            return "bounce (subject \"" + subject.strip() + "\")";
        }
        return null;
    }

    private static final class Body {
        String plain;
        String html;
        final List<String> attachments = new ArrayList<>();
    }

    private static void walk(Part p, Body body, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (isType(p, "multipart/*")) {
            Object content;
            try {
                content = p.getContent();
            } catch (IOException | MessagingException e) {
                return;
            }
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart part = mp.getBodyPart(i);
                    walk(part, body, depth + 1);
                }
            }
            return;
        }
        String fileName = fileName(p);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(p)) || fileName != null || isType(p, "message/rfc822");
        if (attachment) {
            body.attachments.add(fileName != null ? fileName : isType(p, "message/rfc822") ? "forwarded message" : "attachment");
        } else if (isType(p, "text/plain") || p.getContentType() == null) {
            if (body.plain == null) {
                body.plain = read(p);
            }
        } else if (isType(p, "text/html")) {
            if (body.html == null) {
                body.html = read(p);
            }
        } else if (!isType(p, "text/*")) {
            body.attachments.add("attachment");
        } else if (body.plain == null && !isType(p, "text/calendar")) {
            body.plain = read(p);
        }
    }

    /** A text part in its declared charset; undeclared, unknown or wrong charsets fall back to UTF-8, then Windows-1252. */
    static String read(Part p) throws MessagingException {
        byte[] bytes;
        try (InputStream in = decoded(p)) {
            bytes = in.readNBytes(MAX_TEXT_BYTES);
        } catch (IOException e) {
            return "";
        }
        String declared = null;
        try {
            declared = new ContentType(p.getContentType()).getParameter("charset");
        } catch (Exception ignored) {
            // no usable Content-Type: guess below
        }
        List<Charset> candidates = new ArrayList<>();
        if (declared != null) {
            try {
                candidates.add(Charset.forName(MimeUtility.javaCharset(declared.strip())));
            } catch (Exception ignored) {
                // unknown charset name
            }
        }
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(Charset.forName("windows-1252"));
        for (Charset cs : candidates) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // try the next one
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static InputStream decoded(Part p) throws MessagingException, IOException {
        try {
            return p.getInputStream();
        } catch (MessagingException | IOException e) {
            if (p instanceof MimeBodyPart bp) {
                return bp.getRawInputStream();
            }
            if (p instanceof MimeMessage mm) {
                return mm.getRawInputStream();
            }
            throw e;
        }
    }

    /** HTML to plain lines: block elements break lines, quoted replies (blockquote, Gmail and Outlook quotes) are dropped. */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        for (Element e : doc.select("#divRplyFwdMsg, #appendonsend, div.OutlookMessageHeader")) {
            Element sibling = e.nextElementSibling();
            while (sibling != null) {
                Element next = sibling.nextElementSibling();
                sibling.remove();
                sibling = next;
            }
            e.remove();
        }
        doc.select("blockquote, div.gmail_quote, div.gmail_extra, div.moz-cite-prefix, div.gmail_signature, style, script, head, title").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        out.append('\n');
                    } else if (e.isBlock() && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append('\n');
                    }
                    if (e.nameIs("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !e.nameIs("body")) {
                    out.append(e.nameIs("p") ? "\n\n" : "\n");
                }
            }
        }, doc.body());
        StringBuilder lines = new StringBuilder();
        for (String line : out.toString().replace('\u00a0', ' ').split("\n", -1)) {
            lines.append(line.strip().replaceAll(" {2,}", " ")).append('\n');
        }
        return lines.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String clean(String s) {
        return CONTROL.matcher(s).replaceAll("").strip();
    }

    private static String subject(MimeMessage m) {
        try {
            return rawUtf8(m.getSubject());
        } catch (MessagingException e) {
            return rawUtf8(header(m, "Subject"));
        }
    }

    /** Raw 8-bit UTF-8 in a header (as some clients send it) is read as Latin-1 by Jakarta Mail: read it as UTF-8 again. */
    static String rawUtf8(String header) {
        if (header == null || header.chars().allMatch(c -> c < 0x80) || header.chars().anyMatch(c -> c > 0xFF)) {
            return header;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }

    private static Date sentDate(MimeMessage m) {
        try {
            return m.getSentDate();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static InternetAddress address(MimeMessage m, String name) {
        String raw = header(m, name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw, false);
            for (InternetAddress a : parsed) {
                if (a.getAddress() != null && a.getAddress().contains("@")) {
                    if (a.getPersonal() == null || !a.getPersonal().contains("=?")) {
                        return a;
                    }
                    return new InternetAddress(a.getAddress(), MimeUtility.decodeText(a.getPersonal()), "UTF-8");
                }
            }
        } catch (AddressException | IOException e) {
            // fall through to the bare address
        }
        Matcher bare = BARE_ADDRESS.matcher(raw);
        if (bare.find()) {
            try {
                return new InternetAddress(bare.group(), false);
            } catch (AddressException ignored) {
                return null;
            }
        }
        return null;
    }

    /** The display name, or one read from an address like kari.nordmann@…, so that the reply can greet by name. */
    private static String name(InternetAddress a) {
        String personal = a.getPersonal();
        if (personal != null && !personal.isBlank() && !personal.contains("@")) {
            return clean(rawUtf8(personal).replace("\"", ""));
        }
        String local = a.getAddress().substring(0, Math.max(0, a.getAddress().indexOf('@')));
        Matcher n = NAME_LIKE_LOCAL.matcher(local);
        if (n.matches()) {
            return capital(n.group(1)) + " " + capital(n.group(2));
        }
        return null;
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The Message-ID, or (when missing or absurd) a stable one made from the message, so that taking it twice is noticed. */
    private static String messageId(MimeMessage m, InternetAddress from, String subject, String text) {
        List<String> ids = ids(header(m, "Message-ID"));
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\u0000", String.valueOf(from == null ? null : from.getAddress()), String.valueOf(header(m, "Date")),
                    String.valueOf(subject), text).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(sha.digest()).substring(0, 40) + "@no-message-id.ydmyk>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            Matcher id = MESSAGE_ID.matcher(header);
            while (id.find() && out.size() < 50) {
                out.add(id.group());
            }
        }
        return out;
    }

    private static String header(Part m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static boolean isType(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fileName(Part p) {
        try {
            String f = p.getFileName();
            return f == null || f.isBlank() ? null : clean(f);
        } catch (MessagingException e) {
            return "attachment";
        }
    }
}
