// The conversation list's columns and the privacy note of a conversation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import Conversations, { PrivacyNote } from './pages/Conversations.jsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('conversations', () => {
  it('lists the first message, the number of messages, the last intent and a fallback', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json([
      { sender: 'u1', started_at: '2026-12-01T10:00:00Z', first_message: 'hi there', turns: 3, last_intent: 'goodbye', fell_back: true },
      { sender: 'u2', started_at: '2026-12-01T11:00:00Z', first_message: null, turns: 0, last_intent: null, fell_back: false },
    ])));
    render(<Conversations tenant="t" bot="b" canWrite />);
    const first = await screen.findByRole('button', { name: /u1/ });
    expect(first.textContent).toContain('hi there');
    expect(first.textContent).toContain('3 message(s)');
    expect(first.textContent).toContain('last intent: goodbye');
    expect(first.textContent).toContain('fell back');
    const second = screen.getByRole('button', { name: /u2/ });
    expect(second.textContent).toContain('(no message)');
    expect(second.textContent).not.toContain('fell back');
  });

  it('says what is masked and why, or how to mark a slot sensitive', () => {
    const { rerender } = render(<PrivacyNote detail={{ masked: true, sensitive_slots: ['phone'] }} />);
    expect(screen.getByTestId('privacy-note').textContent).toMatch(/Masked for your role.*phone/);
    rerender(<PrivacyNote detail={{ masked: false, sensitive_slots: ['phone'] }} />);
    expect(screen.getByTestId('privacy-note').textContent).toMatch(/Shown in full.*phone/);
    rerender(<PrivacyNote detail={{ masked: false, sensitive_slots: [] }} />);
    const hint = screen.getByTestId('privacy-note').textContent;
    expect(hint).toContain('Nothing is masked');
    expect(hint).toContain('sensitive: true');
  });
});
