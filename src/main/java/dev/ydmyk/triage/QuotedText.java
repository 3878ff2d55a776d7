package dev.ydmyk.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps what the customer wrote in this message: quoted history ("On ... wrote:", "Den ... skrev:",
 * "-----Original Message-----", Outlook's From/Sent block, "&gt;" lines) and signatures ("-- ",
 * "Sent from my iPhone", "Sendt fra min iPhone", ...) are cut off. The greeting and sign-off the
 * customer typed stay.
 */
public final class QuotedText {

    /** A line that starts the quoted history (attribution lines carry a time or an address); it and everything after it go. */
    private static final List<Pattern> HISTORY = List.of(
            Pattern.compile("^(?=.*(\\d[:.]\\d\\d|@))(On|Am|Le|Op|Il|El)\\s.{4,200}(wrote|schrieb|a écrit|schreef|ha scritto|escribió)\\s?:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?=.*(\\d[:.]\\d\\d|@))(Den|D\\.)?\\s?.{4,200}\\sskrev(\\s.{0,200})?:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?=.*(\\d[:.]\\d\\d|@)).{4,200}\\s(kirjoitti|napisał)\\s?:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Opprinnelig melding|Opphavleg melding|Oprindelig meddelelse|Oprindelig besked|Ursprungligt meddelande"
                    + "|Originalmeddelande|Originalnachricht|Ursprüngliche Nachricht|Alkuperäinen viesti|Forwarded message|Videresendt melding"
                    + "|Videresendt meddelelse|Vidarebefordrat meddelande|Weitergeleitete Nachricht)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*_{20,}\\s*$"));

    /** Outlook's quoted header block: a From line followed by a Sent/Date line within a few lines. */
    private static final Pattern FROM_LINE = Pattern.compile("^\\*?(From|Fra|Frå|Från|Von|Lähettäjä|De|Van)\\s?:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_LINE = Pattern.compile("^\\*?(Sent|Date|Sendt|Dato|Skickat|Datum|Gesendet|Lähetetty|Envoyé)\\s?:\\*?\\s.+",
            Pattern.CASE_INSENSITIVE);

    /** A line that starts a signature; it and everything after it go. */
    private static final List<Pattern> SIGNATURE = List.of(
            Pattern.compile("^-- ?$"),
            Pattern.compile("^(Sent from|Sendt fra|Skickat från|Sendt från|Sendt frå|Gesendet von|Envoyé de|Lähetetty)\\s(my|min|mitt|meinem|mon|iPhone|iPad|Android|Samsung|Outlook|Mail)\\b.*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(Get|Hent|Skaff|Få) Outlook for\\b.*$", Pattern.CASE_INSENSITIVE));

    private QuotedText() {
    }

    public static String trim(String text) {
        return split(text)[0];
    }

    /** The quoted history under what the customer wrote now (the earlier messages of the thread), or "" when there is none. */
    public static String history(String text) {
        return split(text)[1];
    }

    /** What the customer wrote now, and the quoted history (a signature is neither). */
    private static String[] split(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
            if (startsHistory(line) || (!line.isBlank() && startsHistory(joined) && lines[i + 1].strip().matches("(?i).*(wrote|skrev|schrieb)\\s?:?"))
                    || outlookBlock(lines, i)) {
                for (int j = i + 1; j < lines.length; j++) {
                    quoted.add(lines[j].replaceFirst("^(>\\s?)+", ""));
                }
                break;
            }
            if (SIGNATURE.stream().anyMatch(p -> p.matcher(line.strip()).matches())) {
                break;
            }
            if (line.startsWith(">")) {
                quoted.add(line.replaceFirst("^(>\\s?)+", ""));
                continue;
            }
            kept.add(line);
        }
        return new String[]{String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip(), String.join("\n", quoted).strip()};
    }

    private static boolean startsHistory(String line) {
        String l = line.strip();
        return HISTORY.stream().anyMatch(p -> p.matcher(l).matches());
    }

    private static boolean outlookBlock(String[] lines, int i) {
        if (!FROM_LINE.matcher(lines[i].strip()).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
            if (SENT_LINE.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }
}
