package dev.forewarn.http;

/**
 * Reads a whole 2xx response body straight from the received bytes, so a caller that needs a few values never
 * pays for a decoded copy of the document.
 *
 * <p>The bytes belong to the fetcher and are reused for the next answer once {@code read} returns: keep values,
 * never the array. An exception thrown here fails the fetch with that exception.
 */
@FunctionalInterface
public interface BodyReader<T> {

    /** The value of the body {@code bytes[offset, offset + length)}. */
    T read(byte[] bytes, int offset, int length);
}
