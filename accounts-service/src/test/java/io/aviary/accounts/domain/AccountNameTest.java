package io.aviary.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AccountNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "../etc", "x/y", "é", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesNamesThatAreNotSafeKeys(String name) {
        assertThatThrownBy(() -> new AccountName(name)).isInstanceOf(AccountName.InvalidAccountNameException.class)
                .hasMessageContaining("letters, digits");
    }

    @Test
    void knowsTheMasterAccount() {
        assertThat(new AccountName("master_account").isMaster()).isTrue();
        assertThat(new AccountName("desk-1_b").isMaster()).isFalse();
    }
}
