import Link from "next/link";
import "./styles/center-page.css";

export default function NotFound() {
  return (
    <main className="center-page">
      <div className="center-card">
        <p className="eyebrow">404</p>
        <h1>Page not found</h1>
        <p className="muted">The page you were looking for doesn't exist.</p>
        <Link className="btn btn-primary" href="/reports">
          Go to reports
        </Link>
      </div>
    </main>
  );
}
