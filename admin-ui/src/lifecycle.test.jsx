import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import ConfirmDialog from './components/ConfirmDialog.jsx';
import { RenameForm } from './pages/Tenants.jsx';
import { LangContext, translate } from './i18n.js';
import { botLabel, tenantDeletion, tenantLabel } from './lifecycle.js';

afterEach(cleanup);

const en = { lang: 'en', t: (k, v) => translate('en', k, v) };

describe('display names', () => {
  it('falls back to the id until renamed', () => {
    const tenant = { tenant: 'acme', bots: ['shop', 'faq'], bot_display_names: { shop: 'Shop assistant', faq: 'faq' } };
    expect(tenantLabel(tenant)).toBe('acme');
    expect(tenantLabel({ ...tenant, display_name: 'ACME Corp' })).toBe('ACME Corp');
    expect(botLabel(tenant, 'shop')).toBe('Shop assistant');
    expect(botLabel(tenant, 'faq')).toBe('faq');
    expect(botLabel({ tenant: 'x', bots: ['b'] }, 'b')).toBe('b');
  });
});

describe('tenant deletion', () => {
  it('asks for cascade only when the tenant has bots', () => {
    expect(tenantDeletion({ tenant: 'empty', bots: [] })).toEqual({
      path: 'admin/tenants/empty',
      messageKey: 'deleteTenantConfirm',
      vars: { tenant: 'empty' },
    });
    const withBots = tenantDeletion({ tenant: 'a b', display_name: 'A B', bots: ['x', 'y'] });
    expect(withBots.path).toBe('admin/tenants/a%20b?cascade=true');
    expect(translate('en', withBots.messageKey, withBots.vars)).toContain('has 2 bot(s)');
  });
});

describe('confirm dialog', () => {
  it('is labelled, starts on Cancel, keeps Tab inside and cancels on Escape', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <LangContext.Provider value={en}>
        <ConfirmDialog id="d" message="Delete bot shop?" confirmLabel="Delete bot" onConfirm={onConfirm} onCancel={onCancel} />
      </LangContext.Provider>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Delete bot shop?' });
    expect(document.activeElement.textContent).toBe('Cancel');
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement.textContent).toBe('Delete bot');
    fireEvent.click(document.activeElement);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('renames through a labelled form', () => {
    const onSave = vi.fn();
    render(
      <LangContext.Provider value={en}>
        <RenameForm name="shop" initial="shop" onSave={onSave} onCancel={() => {}} />
      </LangContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('Display name of shop'), { target: { value: 'Shop assistant' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith('Shop assistant');
  });
});
