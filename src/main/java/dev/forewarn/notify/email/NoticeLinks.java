package dev.forewarn.notify.email;

/** The customer's status and preferences links shown in a notice; empty strings when links are not signed. */
public record NoticeLinks(String statusUrl, String preferencesUrl) {
    public static final NoticeLinks NONE = new NoticeLinks("", "");

    public NoticeLinks {
        statusUrl = statusUrl == null ? "" : statusUrl;
        preferencesUrl = preferencesUrl == null ? "" : preferencesUrl;
    }
}
