// Ports whose adapter module is loaded on first use: a watcher pass with nothing to send never loads nodemailer or Handlebars.
import type { Mailer, Pace, RenderCard, RenderReminders, RenderRelease } from '../ports.ts';

/** `load` called once, on the first call; the same promise after that. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/**
 * A mailer whose transport (nodemailer) is loaded when the first message goes out; `outbox`
 * is the folder of a mailer that writes files (Mailer.outbox).
 */
export function lazyMailer(
  description: string,
  load: () => Promise<Mailer>,
  extra: { pace?: Pace; outbox?: string } = {},
): Mailer {
  const get = loadOnce(load);
  const { pace, outbox } = extra;
  let used = false;
  return {
    description,
    ...(pace ? { pace } : {}),
    ...(outbox !== undefined ? { outbox } : {}),
    send: async (mail, place) => {
      used = true;
      return (await get()).send(mail, place);
    },
    close: async () => {
      if (used) await (await get()).close();
    },
  };
}

/** The release, card and reminder renderers, each compiled from its templates on first use. */
export function lazyRenderers(): {
  render: RenderRelease;
  renderCard: RenderCard;
  renderReminders: RenderReminders;
} {
  const release = loadOnce(async () =>
    (await import('../adapters/mail/templates/render-release.ts')).createReleaseRenderer(),
  );
  const card = loadOnce(async () =>
    (await import('../adapters/mail/templates/render-card.ts')).createCardRenderer(),
  );
  const reminders = loadOnce(async () =>
    (await import('../adapters/mail/templates/render-reminder.ts')).createReminderRenderer(),
  );
  return {
    render: async (input) => (await release())(input),
    renderCard: async (view) => (await card())(view),
    renderReminders: {
      reminder: async (view) => (await reminders()).reminder(view),
      digest: async (view) => (await reminders()).digest(view),
    },
  };
}
