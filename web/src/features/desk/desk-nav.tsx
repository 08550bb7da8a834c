import type { SignedInAgent } from "contract/desk";
import type { MouseEvent } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";

export type DeskSection = "inbox" | "walk-in" | "settings";

interface DeskNavProps {
  agent: SignedInAgent;
  /** The section on screen (none on a session's page). */
  current: DeskSection | null;
  href: (section: DeskSection) => string;
  onNavigate: (href: string) => void;
  onSignOut: () => void;
}

/** Who is signed in, the desk's sections, and signing out. */
export function DeskNav({ agent, current, href, onNavigate, onSignOut }: DeskNavProps) {
  const t = useStrings(deskStrings);
  const sections: DeskSection[] = ["inbox", "walk-in", "settings"];
  const label: Record<DeskSection, string> = {
    inbox: t["nav.inbox"],
    "walk-in": t["nav.walkIn"],
    settings: t["nav.settings"],
  };
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(event.currentTarget.getAttribute("href") ?? "/desk");
  };
  return (
    <div className="desk-bar">
      <nav aria-label={t["nav.label"]}>
        <ul>
          {sections.map((section) => (
            <li key={section}>
              <a href={href(section)} aria-current={section === current ? "page" : undefined} onClick={follow}>
                {label[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="desk-agent">{format(t["nav.signedInAs"], { email: agent.email, role: t[`role.${agent.role}`] })}</p>
      <button type="button" className="secondary" onClick={onSignOut}>
        {t["nav.signOut"]}
      </button>
    </div>
  );
}
