package dev.forewarn.ticket.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZendeskFirstReplyTest {
    private final ZendeskFirstReply reader = new ZendeskFirstReply(new ObjectMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # the requester's description, then an agent's public reply 59 s into a minute
            requester then agent      | end-user,true,08:00:00 ; agent,true,08:14:59                       | 08:14:59
            # an agent-created ticket: the description is never the reply
            agent's own description   | agent,true,08:00:00 ; agent,true,08:06:30                          | 08:06:30
            # an internal note is not a response to the customer
            private note first        | end-user,true,08:00:00 ; agent,false,08:03:00 ; agent,true,08:09:12 | 08:09:12
            # the customer writing again is not a response either
            customer follow-up        | end-user,true,08:00:00 ; end-user,true,08:02:00 ; admin,true,08:10:01 | 08:10:01
            # comments out of order are sorted by time
            unsorted                  | agent,true,08:20:00 ; end-user,true,08:00:00 ; agent,true,08:12:00  | 08:12:00
            # nobody answered yet
            no reply                  | end-user,true,08:00:00 ; agent,false,08:03:00                       | -
            """)
    void theFirstPublicAgentCommentAfterTheDescriptionIsTheReply(String name, String comments, String expected)
            throws Exception {
        StringBuilder cs = new StringBuilder();
        int id = 0;
        for (String c : comments.split(";")) {
            String[] f = c.strip().split(",");
            id++;
            cs.append(cs.length() == 0 ? "" : ",").append("""
                    {"id": %d, "author_id": %d, "public": %s, "created_at": "2026-03-02T%sZ"}"""
                    .formatted(id, f[0].equals("agent") ? 22 : f[0].equals("admin") ? 33 : 11, f[1], f[2]));
        }
        String json = """
                {"comments": [%s], "users": [{"id": 11, "role": "end-user"}, {"id": 22, "role": "agent"},
                 {"id": 33, "role": "admin"}]}""".formatted(cs);

        var reply = reader.firstPublicAgentReply(json);

        if (expected.equals("-")) {
            assertThat(reply).isEmpty();
        } else {
            assertThat(reply).contains(Instant.parse("2026-03-02T" + expected + "Z"));
        }
    }

    @ParameterizedTest
    // not JSON, no comments array, comments of the wrong type
    @ValueSource(strings = {"<html>", "{}", "{\"comments\": 3}"})
    void somethingThatIsNotACommentsPageIsMalformed(String json) {
        assertThatThrownBy(() -> reader.firstPublicAgentReply(json)).isInstanceOf(ZendeskFormatException.class);
    }
}
