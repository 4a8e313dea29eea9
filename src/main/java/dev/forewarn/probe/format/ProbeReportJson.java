package dev.forewarn.probe.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a Forewarn JSON probe report; the mapper must have the Java time module registered. */
public final class ProbeReportJson {

    private ProbeReportJson() {
    }

    /**
     * The report in {@code json}; unknown fields are ignored so agents may add fields before Forewarn knows them.
     *
     * @throws ProbeFormatException when the body is not JSON, not a report object, or a field has the wrong type
     */
    public static ProbeReport parse(String json, ObjectMapper mapper) {
        if (json == null) {
            throw new ProbeFormatException("body is missing");
        }
        ProbeReport report;
        try {
            report = mapper.readerFor(ProbeReport.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new ProbeFormatException("body is not a probe report: " + e.getOriginalMessage(), e);
        }
        if (report == null) {
            throw new ProbeFormatException("body is not a probe report: it is empty or null");
        }
        return report;
    }
}
