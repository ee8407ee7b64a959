package be.ocmw.merge.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTests {

    private static final Account JDOE = Account.os("jdoe");

    @Test
    void twoNamesTypedOnOneOsAccountAreOnePersonUnlessFourEyesComparesNames() {
        Actor approver = Actor.onBehalfOf("alice", JDOE);
        Actor applier = Actor.onBehalfOf("bob", JDOE);

        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(approver, applier)).isTrue();
        assertThat(Actor.FourEyes.NAMES.samePerson(approver, applier)).isFalse();
    }

    @Test
    void anOsAccountAndADashboardUserOfOneNameAreTakenForOnePersonAndTwoAccountsForTwo() {
        Actor onTheServer = Actor.of(Account.os("An"));
        Actor onTheDashboard = Actor.of(new Account(Account.Kind.OIDC, "an"));
        Actor other = Actor.of(new Account(Account.Kind.OIDC, "bert"));

        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(onTheServer, onTheDashboard)).isTrue();
        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(onTheDashboard, other)).isFalse();
    }

    @Test
    void onBehalfOfTheSamePersonIsTheSamePersonFromAnyAccount() {
        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(Actor.onBehalfOf("alice", JDOE),
                Actor.onBehalfOf("Alice", Account.os("root")))).isTrue();
    }

    @Test
    void anActFromBeforeAccountsWereRecordedIsComparedByName() {
        Actor old = new Actor("alice", null);

        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(old, Actor.onBehalfOf("bob", Account.os("alice")))).isFalse();
        assertThat(Actor.FourEyes.ACCOUNTS.samePerson(old, Actor.of(Account.os("alice")))).isTrue();
    }

    @Test
    void theStoredFormOfAnAccountReadsBackAsTheSameAccountAndNothingElseIsTakenForOne() {
        for (Account account : new Account[]{JDOE, new Account(Account.Kind.USERS_FILE, "coordinator"),
                new Account(Account.Kind.OIDC, "an.peeters@vlaanderen.be")}) {
            assertThat(Account.ofKey(account.key())).isEqualTo(account);
        }
        assertThat(Account.ofKey(null)).isNull();
        assertThatThrownBy(() -> Account.ofKey("jdoe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Account.ofKey("ldap:jdoe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutByTheAccountActsForItself() {
        Actor self = Actor.onBehalfOf("  ", JDOE);

        assertThat(self.name()).isEqualTo("jdoe");
        assertThat(self.onBehalf()).isFalse();
        assertThat(Actor.onBehalfOf("coordinator", JDOE).onBehalf()).isTrue();
    }
}
