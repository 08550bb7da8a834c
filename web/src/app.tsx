import { useRecognizePassport } from "./features/recognize-passport";

export function App() {
  const recognize = useRecognizePassport();
  return (
    <main>
      <h1>Passport check</h1>
      <label>
        Passport photo
        <input
          type="file"
          accept="image/png,image/jpeg,image/bmp"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) recognize.mutate(file);
          }}
        />
      </label>
      {recognize.isPending && <p role="status">Reading…</p>}
      {recognize.error && <p role="alert">{recognize.error.message}</p>}
      {recognize.data && (
        <dl aria-label="Document">
          <dt>Document number</dt>
          <dd>{recognize.data.document.number}</dd>
          <dt>Surname</dt>
          <dd>{recognize.data.document.surname}</dd>
        </dl>
      )}
    </main>
  );
}
