package dev.forewarn.polling;

/**
 * A failure that knows its bounded metric reason ({@code timeout}, {@code malformed} …); sources' exceptions
 * implement it so {@link FetchFailures} classifies them without depending on the packages that throw them.
 */
public interface ReasonedFailure {

    /** The {@code reason} tag of the failure counters: lower case, from a small fixed set. */
    String reason();
}
