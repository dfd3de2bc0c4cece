package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.it.fixtures.Account;
import dev.dynarecord.it.fixtures.User;
import dev.dynarecord.test.DynarecordTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@DynarecordTest
class TwoSessionsTest {

    private static Session s1;
    private static Session s2;

    @BeforeAll
    static void open() {
        s1 = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_two_a"));
        s2 = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_two_b"));
    }

    @AfterAll
    static void close() {
        for (Session s : new Session[] {s1, s2}) {
            try {
                s.tables().dropAll();
            } finally {
                s.close();
            }
        }
    }

    @Test
    void namespacesHoldIndependentData() {
        User a = User.find.using(s1).create(u -> u.name = "in one");
        assertThat(User.find.using(s1).tableName()).isEqualTo("x_two_a_users");
        assertThat(User.find.using(s2).tableName()).isEqualTo("x_two_b_users");
        assertThat(User.find.using(s1).exists(a.id())).isTrue();
        assertThat(User.find.using(s2).exists(a.id())).isFalse();
        assertThat(User.find.exists(a.id())).as("default session").isFalse();

        User b = new User().using(s2);
        b.name = "in two";
        b.saveOrThrow();
        assertThat(User.find.using(s2).byId(b.id()).name).isEqualTo("in two");
        assertThat(User.find.using(s1).byIdOptional(b.id())).isEmpty();
        assertThat(Raw.item(s2, "x_two_b_users", "id", (String) b.id()).get("name").s()).isEqualTo("in two");
        assertThat(Raw.item(s1, "x_two_a_users", "id", (String) b.id())).isEmpty();
    }

    @Test
    void recordsSaveBackToTheSessionTheyCameFrom(Session defaultSession) {
        assertThat(Dynarecord.session()).isSameAs(defaultSession);
        User a = User.find.using(s1).create(u -> u.name = "v1");
        User loaded = User.find.using(s1).byId(a.id());
        assertThat(loaded.session()).isSameAs(s1);
        loaded.update(u -> u.name = "v2");
        assertThat(Raw.item(s1, "x_two_a_users", "id", (String) a.id()).get("name").s()).isEqualTo("v2");
        assertThat(User.find.exists(a.id())).isFalse();
        assertThat(User.find.using(s2).exists(a.id())).isFalse();

        User built = s2.find(User.class).build(u -> u.name = "built");
        built.saveOrThrow();
        assertThat(built.session()).isSameAs(s2);
        assertThat(User.find.using(s2).byId(built.id()).name).isEqualTo("built");

        loaded.reload();
        assertThat(loaded.name).isEqualTo("v2");
        loaded.destroy();
        assertThat(User.find.using(s1).exists(a.id())).isFalse();
    }

    @Test
    void sameKeyInBothSessions() {
        Account one = new Account().using(s1);
        one.accountId = "shared";
        one.owner = "one";
        one.saveOrThrow();
        Account two = new Account().using(s2);
        two.accountId = "shared"; // the same key in the other namespace: not a duplicate there
        two.owner = "two";
        two.saveOrThrow();
        assertThat(Account.find.using(s1).byId("shared").owner).isEqualTo("one");
        assertThat(Account.find.using(s2).byId("shared").owner).isEqualTo("two");
        assertThat(Raw.item(s1, "x_two_a_accounts", "accountId", "shared").get("owner").s()).isEqualTo("one");
        assertThat(Raw.item(s2, "x_two_b_accounts", "accountId", "shared").get("owner").s()).isEqualTo("two");
        assertThat(Account.find.exists("shared")).as("default session").isFalse();
    }
}
