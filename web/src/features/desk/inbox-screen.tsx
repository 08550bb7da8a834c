import type { SignedInAgent } from "contract/desk";
import { SESSION_STATUSES } from "contract/session";
import { type FormEvent, useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { type InboxFilter, useInbox } from "./api/get-inbox";
import { InboxTable } from "./inbox-table";

interface InboxScreenProps {
  agent: SignedInAgent;
  filter: InboxFilter;
  onFilter: (filter: InboxFilter) => void;
  /** Where a session's review lives, and how to go there. */
  sessionHref: (id: string) => string;
  onOpen: (id: string) => void;
}

/**
 * The queue: counts per status (each a filter), search by reference or document number, and the sessions, submitted
 * first and oldest first, read again every few seconds so new ones appear by themselves.
 */
export function InboxScreen({ agent, filter, onFilter, sessionHref, onOpen }: InboxScreenProps) {
  const t = useStrings(deskStrings);
  const id = useId();
  const inbox = useInbox(filter);
  const [search, setSearch] = useState(filter.search);
  const pages = inbox.data?.pages ?? [];
  const counts = pages[0]?.counts;
  const items = pages.flatMap((page) => page.items);
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0;

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onFilter({ ...filter, search: search.trim() });
  };

  return (
    <section className="desk-inbox" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t["inbox.title"]}</h2>
      <p role="status" className="desk-inbox-waiting">
        {counts && format(t["inbox.waiting"], { count: counts.submitted })}
      </p>
      <fieldset className="desk-filters">
        <legend>{t["inbox.filter"]}</legend>
        <button
          type="button"
          className="secondary"
          aria-pressed={filter.status === null}
          onClick={() => onFilter({ ...filter, status: null })}
        >
          {format(t["inbox.all"], { count: total })}
        </button>
        {SESSION_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className="secondary"
            aria-pressed={filter.status === status}
            data-status={status}
            onClick={() => onFilter({ ...filter, status })}
          >
            {format(t["inbox.count"], { status: t[`status.${status}`], count: counts?.[status] ?? 0 })}
          </button>
        ))}
      </fieldset>
      <search>
        <form className="desk-search" onSubmit={submitSearch}>
          <label htmlFor={`${id}-search`}>{t["inbox.search"]}</label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <button type="submit" className="secondary">
            {t["inbox.searchButton"]}
          </button>
          {filter.search && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSearch("");
                onFilter({ ...filter, search: "" });
              }}
            >
              {t["inbox.clearSearch"]}
            </button>
          )}
        </form>
      </search>
      <ErrorAlert error={inbox.error} />
      {inbox.isPending ? (
        <p role="status">{t.loading}</p>
      ) : items.length === 0 ? (
        <p>{t["inbox.empty"]}</p>
      ) : (
        <InboxTable items={items} agent={agent} sessionHref={sessionHref} onOpen={onOpen} />
      )}
      {inbox.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {t["inbox.more"]}
        </button>
      )}
    </section>
  );
}
