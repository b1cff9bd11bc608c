package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseReaderTest {
    private final List<SseReader.Event> events = new ArrayList<>();
    private final SseReader reader = new SseReader(null, events::add);

    @Test
    void readsTypeDataAndIdOfAnEvent() {
        reader.feed("id: 41\nevent: card\ndata: {\"group\":\"12\"}\n\n");
        assertThat(events).containsExactly(new SseReader.Event("card", "{\"group\":\"12\"}", "41"));
        assertThat(reader.lastEventId()).isEqualTo("41");
    }

    @Test
    void joinsDataLinesWithNewlines() {
        reader.feed("data: first\ndata:second\ndata\ndata:  indented\n\n");
        assertThat(events).extracting(SseReader.Event::data).containsExactly("first\nsecond\n\n indented");
        assertThat(events.get(0).type()).isEqualTo("message");
    }

    @Test
    void skipsCommentsAndUnknownFields() {
        reader.feed(": ping\n\n:another comment\nevent: group\nfoo: bar\ndata: x\n\n: ping\n\n");
        assertThat(events).containsExactly(new SseReader.Event("group", "x", null));
    }

    @Test
    void theIdStaysUntilChangedAndIsSetEvenWithoutData() {
        reader.feed("id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\n");
        assertThat(events).extracting(SseReader.Event::lastEventId).containsExactly("1", "1", "2");
        reader.feed("id\ndata: d\n\n");
        assertThat(events.get(3).lastEventId()).isEmpty();
    }

    @Test
    void anIdHoldingNulIsIgnored() {
        reader.feed("id: 5\n\nid: 6\u00007\ndata: x\n\n");
        assertThat(events.get(0).lastEventId()).isEqualTo("5");
    }

    @Test
    void startsFromTheGivenLastEventId() {
        SseReader resumed = new SseReader("99", events::add);
        resumed.feed("data: x\n\n");
        assertThat(events.get(0).lastEventId()).isEqualTo("99");
    }

    @Test
    void retryTakesOnlyDigits() {
        reader.feed("retry: 3000\n\n");
        assertThat(reader.retryMillis()).isEqualTo(3000L);
        reader.feed("retry: 12s\nretry: -5\nretry:\n\n");
        assertThat(reader.retryMillis()).isEqualTo(3000L);
        assertThat(events).isEmpty();
    }

    @Test
    void acceptsCrLfAndLoneCrLineEndings() {
        reader.feed("event: card\r\ndata: one\r\n\r\nevent: group\rdata: two\r\r");
        assertThat(events).containsExactly(new SseReader.Event("card", "one", null), new SseReader.Event("group", "two", null));
    }

    @Test
    void linesMaySplitAnywhereBetweenChunksEvenInsideCrLf() {
        String stream = "id: 7\r\nevent: card\r\ndata: {\"uid\":\"陈雪松\"}\r\n\r\n";
        for (char c : stream.toCharArray()) {
            reader.feed(String.valueOf(c));
        }
        assertThat(events).containsExactly(new SseReader.Event("card", "{\"uid\":\"陈雪松\"}", "7"));
    }

    @Test
    void dropsAByteOrderMarkAtTheStartAndAHalfEventAtTheEnd() throws IOException {
        reader.readAll(new StringReader("\uFEFFdata: a\n\ndata: cut off"));
        assertThat(events).extracting(SseReader.Event::data).containsExactly("a");
    }

    @Test
    void aFieldWithoutColonIsAFieldWithEmptyValue() {
        reader.feed("event\ndata\n\n");
        assertThat(events).containsExactly(new SseReader.Event("message", "", null));
    }
}
