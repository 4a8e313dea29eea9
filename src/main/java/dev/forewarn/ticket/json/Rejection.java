package dev.forewarn.ticket.json;

/**
 * Why one ticket of a document was refused.
 *
 * @param index  the ticket's position in {@code tickets}, from 0
 * @param field  the offending field's JSON name
 * @param reason what is wrong with it
 */
public record Rejection(int index, String field, String reason) {
}
