package dev.forewarn.probe.format;

import dev.forewarn.polling.ReasonedFailure;

/** Signals that a probe source answered with content Forewarn cannot interpret; the message says where and why. */
public class ProbeFormatException extends RuntimeException implements ReasonedFailure {

    public ProbeFormatException(String message) {
        super(message);
    }

    public ProbeFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    static ProbeFormatException atLine(int line, String problem) {
        return new ProbeFormatException("line " + line + ": " + problem);
    }

    @Override
    public String reason() {
        return "malformed";
    }
}
