package org.redress.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.platform.SqlDialect;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;

/**
 * Finding a customer by any part of their name, email or reference, in any case, newest
 * first and a page at a time (on PostgreSQL the trigram indexes answer it).
 */
class CustomerSearchTests extends ApplicationTest {

    @Autowired
    SearchIndexMerge merge;
    @Autowired
    DataSource dataSource;
    @Autowired
    SqlDialect dialect;
    @Autowired
    CommonTrigrams commonTrigrams;
    @Autowired
    Clock clock;

    @Test
    void aCustomerIsFoundByAnyPartOfTheirNameEmailOrReferenceNewestFirst() {
        String tag = unique();
        long older = customer("Ref-" + tag + "-A", "Amalia Quintanilla " + tag, "amalia." + tag + "@shop.example");
        long newer = customer("Ref-" + tag + "-B", "Bruno Quintanilla " + tag, "bruno." + tag + "@shop.example");

        assertThat(ids("quintanilla " + tag.toUpperCase())).containsExactly(newer, older);
        assertThat(ids("AMALIA." + tag)).containsExactly(older);
        assertThat(ids("ref-" + tag + "-b")).containsExactly(newer);
        assertThat(ids("nobody-" + tag)).isEmpty();
        JsonNode firstPage = admin().get("/api/v1/customers?q=quintanilla%20" + tag + "&limit=1").json();
        assertThat(firstPage.get("items").valueStream().map(c -> c.get("id").asLong())).containsExactly(newer);
        JsonNode secondPage = admin().get("/api/v1/customers?q=quintanilla%20" + tag + "&limit=1&cursor="
            + firstPage.get("nextCursor").asString()).json();
        assertThat(secondPage.get("items").valueStream().map(c -> c.get("id").asLong())).containsExactly(older);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aTermWhoseStartEveryoneSharesIsFoundByItsRarePartAndCheckedWhole() {
        String tag = unique();
        long wanted = customer("REF-" + tag + "-1", "Wanted " + tag, "customer4417" + tag + "@example.com");
        // Hold the rare part, not the whole term: the indexes give them, the whole term turns them away.
        customer("REF-" + tag + "-2", "Decoy " + tag, "other4417" + tag + "@example.com");
        customer("REF-" + tag + "-3", "Other " + tag, "customer-4417" + tag + "@example.com");
        // As when every customer's email starts with "customer".
        List<CommonTrigrams.Values> sampled = new java.util.ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            sampled.add(new CommonTrigrams.Values("", "customer" + n + "@example.com", ""));
        }
        commonTrigrams.use(CommonTrigrams.of(sampled, clock.instant()));
        try {
            assertThat(commonTrigrams.probes("customer4417" + tag).email())
                .isEqualTo("%r4417" + tag + "%");

            assertThat(ids("Customer4417" + tag)).containsExactly(wanted);
            assertThat(ids("4417" + tag)).hasSize(3);
        } finally {
            commonTrigrams.use(commonTrigrams.count());
        }
    }

    @Test
    void aTermThousandsShareIsPagedNewestFirstToTheEnd() {
        String tag = unique();
        // More customers share the term than the search sorts in memory (2,000): it walks newest first instead.
        jdbc.sql("""
                insert into customers (external_ref, tier, created_at, updated_at, version)
                select 'shared-' || ? || '-' || n, 'standard', current_timestamp, current_timestamp, 1
                from generate_series(1, 2100) as n""").param(tag).update();
        List<Long> expected = jdbc.sql("select id from customers where external_ref like ? order by id desc")
            .param("shared-" + tag + "-%").query(Long.class).list();

        List<Long> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin().get("/api/v1/customers?q=SHARED-" + tag + "&limit=100"
                + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").valueStream().forEach(c -> found.add(c.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(expected).hasSize(2100);
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void newCustomersWaitInTheIndexesListsUntilTheMergeTakesThemInWhole() {
        // Every search reads a GIN index's whole list of entries not yet merged, and intake adds a
        // customer with most complaints: the application merges the lists every few seconds, in
        // batches, rather than have each insert merge a small list (V79) or a search read a long one.
        assertThat(jdbc.sql("select count(*) from pg_class where relname in (:indexes) and reloptions is null")
            .param("indexes", SearchIndexMerge.TRIGRAM_INDEXES).query(Long.class).single()).isEqualTo(3);
        merge.merge();
        String tag = customersArrive(500);

        assertThat(pendingPages()).allSatisfy(pages -> assertThat(pages).isPositive());
        assertThat(merge.merge()).isPositive();
        assertThat(pendingPages()).containsOnly(0L);
        assertThat(ids("arrived.123@" + tag)).hasSize(1);
        assertThat(ids("arrival 321 of " + tag)).hasSize(1);
    }

    @Test
    void whereRedressDoesNotOwnTheIndexesItLeavesTheirMergeToVacuum() throws Exception {
        jdbc.sql("do $$ begin if not exists (select 1 from pg_roles where rolname = 'search_outsider') then"
            + " create role search_outsider; end if; end $$").update();
        merge.merge();
        customersArrive(50);
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("set role search_outsider");
            try {
                var outsider = new SearchIndexMerge(
                    JdbcClient.create(new SingleConnectionDataSource(connection, true)), dialect);

                assertThat(outsider.merge()).isZero();
                assertThat(outsider.merge()).isZero();
            } finally {
                // The connection goes back to the pool.
                connection.createStatement().execute("reset role");
            }
        }
        jdbc.sql("drop role search_outsider").update();
        assertThat(pendingPages()).allSatisfy(pages -> assertThat(pages).isPositive());
        assertThat(merge.merge()).isPositive();
    }

    // That many new customers, named "Arrival <n> of <tag>", with emails "arrived.<n>@<tag>.example"; returns the tag.
    private String customersArrive(int count) {
        String tag = unique();
        jdbc.sql("""
                insert into customers (external_ref, email, name, tier, created_at, updated_at, version)
                select 'arrived-' || ? || '-' || n, 'arrived.' || n || '@' || ? || '.example', 'Arrival ' || n || ' of ' || ?,
                       'standard', current_timestamp, current_timestamp, 1
                from generate_series(1, ?) as n""").params(tag, tag, tag, count).update();
        return tag;
    }

    private List<Long> pendingPages() {
        jdbc.sql("create extension if not exists pgstattuple").update();
        return SearchIndexMerge.TRIGRAM_INDEXES.stream()
            .map(index -> jdbc.sql("select pending_pages from pgstatginindex(to_regclass(?))").param(index)
                .query(Long.class).single())
            .toList();
    }

    @Test
    void aPageSizeOutOfRangeIsAProblemNamingIt() {
        var refused = admin().get("/api/v1/customers?q=a&limit=500");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("limit");
    }

    private long customer(String ref, String name, String email) {
        JsonNode opened = admin().post("/api/v1/complaints", Map.of(
            "customer", Map.of("externalRef", ref, "name", name, "email", email),
            "channel", "email", "category", "delivery", "severity", 3, "subject", "Late", "message", "It came late.")).json();
        return admin().get("/api/v1/cases/" + opened.get("number").asString()).json().get("customer").get("id").asLong();
    }

    private List<Long> ids(String query) {
        return admin().get("/api/v1/customers?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
            .json().get("items").valueStream().map(c -> c.get("id").asLong()).toList();
    }
}
