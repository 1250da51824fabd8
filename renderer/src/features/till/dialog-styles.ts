/** The till dialogs' titles, as the rest of the app writes them. */
export const titleStyles = { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } };
