package io.backbench.ui.workbench.internal.tape;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.backbench.target.tape.api.VolumeOperator.VolumeRequest;

/**
 * What the operator is told and asked for one {@link VolumeRequest}: the words of the dialog, the
 * status line and the notification, and the label proposed for a blank cartridge. No widgets, any
 * thread.
 */
record VolumeQuestion(VolumeRequest request) {
    static final String VIRTUAL_PREFIX = "virtual:";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern FULL = Pattern.compile("volume (" + LABEL.pattern() + ") is full");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)(\\d+)$");

    /** "drive /dev/nst0" or "the virtual library '/srv/vtl'". */
    String where() {
        String drive = request.drive();
        return drive.startsWith(VIRTUAL_PREFIX)
                ? "the virtual library '" + drive.substring(VIRTUAL_PREFIX.length()) + "'"
                : "drive " + drive;
    }

    String title() {
        return request.wantsBlank() ? "Load a blank tape cartridge" : "Load tape volume " + request.label().get();
    }

    /** One line for the status line and the notification. */
    String headline() {
        return request.wantsBlank()
                ? sentence(request.reason()) + " Load a blank cartridge into " + where() + "."
                : "Load volume " + request.label().get() + " into " + where() + ".";
    }

    /** The dialog's text: what happened, what to do, and what Continue and Cancel do. */
    String message() {
        if (request.wantsBlank()) {
            String load = request.drive().startsWith(VIRTUAL_PREFIX)
                    ? "Load a blank cartridge into " + where() + " (a cartridge folder of that name is made if there is"
                            + " none), give its label below, then press Continue."
                    : "Load a blank cartridge into " + where() + ", give the label printed on it below, then press"
                            + " Continue. The label is written on the cartridge.";
            return sentence(request.reason()) + "\n\n" + load + "\n\nCancel stops the job; nothing written to earlier"
                    + " volumes is lost.";
        }
        return sentence(request.reason()) + "\n\nLoad volume " + request.label().get() + " into " + where()
                + ", then press Continue.\n\nCancel stops the job.";
    }

    /**
     * The label the dialog proposes: the wanted one, else the full volume's label with its number
     * counted up (VOL002 after VOL001, keeping the digits' width), else nothing (the operator types it).
     */
    String suggestedLabel() {
        if (!request.wantsBlank()) {
            return request.label().get();
        }
        Matcher full = FULL.matcher(request.reason());
        if (!full.find()) {
            return "";
        }
        Matcher n = TRAILING_NUMBER.matcher(full.group(1));
        if (!n.matches()) {
            return "";
        }
        String digits = n.group(2);
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        String padded = "0".repeat(Math.max(0, digits.length() - next.length())) + next;
        String label = n.group(1) + padded;
        return LABEL.matcher(label).matches() ? label : "";
    }

    /** Empty when {@code label} may be written on a cartridge, else why not. */
    static Optional<String> labelProblem(String label) {
        if (label == null || label.isBlank()) {
            return Optional.of("Give the cartridge's label.");
        }
        return LABEL.matcher(label.trim()).matches() ? Optional.empty()
                : Optional.of("A label is 1 to 32 letters, digits, '-' or '_'.");
    }

    /** "Time left: 59 min 58 s" before the job gives up. */
    static String timeLeft(Duration left) {
        long s = Math.max(0, (left.toMillis() + 999) / 1000);
        String text;
        if (s >= 3600) {
            text = String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        } else if (s >= 60) {
            text = String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        } else {
            text = s + " s";
        }
        return "Time left before the job gives up: " + text;
    }

    private static String sentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
