import { useEffect, useState } from 'react';
import type { ClientView as Client } from '@xf/domain/api/clients';
import { api } from '../../api/client';
import { useApiError } from '../../api/errors';
import type { LeadCandidate } from '../../api/projects';
import type { DetachmentView as Detachment } from '@xf/domain/api/institutions';

/** Choices every project form needs: 支队 (消防管辖), 项目负责人 candidates and the institution's 甲方. */
export function useProjectOptions() {
  const onError = useApiError();
  const [detachments, setDetachments] = useState<Detachment[]>([]);
  const [leads, setLeads] = useState<LeadCandidate[]>([]);
  const [clients, setClients] = useState<Client[]>([]);
  useEffect(() => {
    api.getDetachments().then(setDetachments, onError);
    api.getAccountsProjectLeadCandidates().then(setLeads, onError);
    api.getClients({ page: 1, pageSize: 100 }).then((r) => setClients(r.items), onError);
  }, [onError]);
  return { detachments, leads, clients };
}

/** The chosen 甲方's contacts (联系人 select). */
export function useClientContacts(clientId: number | undefined) {
  const onError = useApiError();
  const [client, setClient] = useState<Client | null>(null);
  useEffect(() => {
    if (!clientId) return;
    let cancelled = false;
    api.getClient(clientId).then((c) => !cancelled && setClient(c), onError);
    return () => {
      cancelled = true;
    };
  }, [clientId, onError]);
  return clientId && client?.id === clientId ? (client.contacts ?? []) : [];
}
