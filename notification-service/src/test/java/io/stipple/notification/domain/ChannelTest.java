package io.stipple.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelTest {

    @Test
    void names_from_outside_become_known_channels_each_once_in_channel_order() {
        assertThat(Channel.fromNames(List.of("PUSH", "PIGEON", "EMAIL", "PUSH", "sms"))).containsExactly(Channel.EMAIL, Channel.PUSH);
        assertThat(Channel.fromNames(null)).isEmpty();
        assertThat(Channel.fromNames(Arrays.asList("SMS", null))).containsExactly(Channel.SMS);
    }

    @Test
    void a_list_is_stored_each_channel_once_in_channel_order() {
        assertThat(Channel.ordered(List.of(Channel.PUSH, Channel.SMS, Channel.PUSH))).containsExactly(Channel.SMS, Channel.PUSH);
        assertThat(Channel.ordered(List.of())).isEmpty();
        assertThat(Channel.ordered(null)).isEmpty();
    }
}
