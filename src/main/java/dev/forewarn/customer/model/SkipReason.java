package dev.forewarn.customer.model;

/** Why a customer of the affected region was not sent a notice. */
public enum SkipReason {
    REGION_OPTED_OUT("the customer opted out of notices about this region"),
    TOPIC_OPTED_OUT("the customer opted out of this kind of notice"),
    ALL_ADDRESSES_UNSUBSCRIBED("every address of the customer unsubscribed");

    private final String explanation;

    SkipReason(String explanation) {
        this.explanation = explanation;
    }

    /** The reason in plain words, for the API. */
    public String explanation() {
        return explanation;
    }
}
