package dev.forewarn.notify.page;

/** What a page asks the receiving system to do with the alert named by its dedup key. */
public enum PageAction {
    TRIGGER, ACKNOWLEDGE, RESOLVE
}
