/**
 * In-memory stand-in for n8n's credentials table. Data is kept as a JSON string, so what a credential
 * writes back (preAuthentication output) must survive serialisation just as it must in n8n's database.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
} from 'n8n-workflow';
import { ICredentials } from 'n8n-workflow';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	json: string;
}

export class CredentialStore {
	private readonly rows = new Map<string, StoredCredential>();
	private nextId = 1;

	/** Stores credential data; returns the reference a node puts in `INode.credentials[type]`. */
	add(
		type: string,
		data: ICredentialDataDecryptedObject,
		name = `${type} (test)`,
	): INodeCredentialsDetails {
		const id = String(this.nextId++);
		this.rows.set(id, { id, name, type, json: JSON.stringify(data) });
		return { id, name };
	}

	read(reference: INodeCredentialsDetails, type: string): ICredentialDataDecryptedObject {
		return JSON.parse(this.row(reference, type).json) as ICredentialDataDecryptedObject;
	}

	write(
		reference: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): void {
		this.row(reference, type).json = JSON.stringify(data);
	}

	/** Current stored data of the (first) credential of this type, e.g. to see a cached token. */
	dataOfType(type: string): ICredentialDataDecryptedObject | undefined {
		const row = [...this.rows.values()].find((candidate) => candidate.type === type);
		return row && (JSON.parse(row.json) as ICredentialDataDecryptedObject);
	}

	credentialsObject(reference: INodeCredentialsDetails, type: string): StoredCredentials {
		const row = this.row(reference, type);
		return new StoredCredentials({ id: row.id, name: row.name }, type, row.json, this);
	}

	private row(reference: INodeCredentialsDetails, type: string): StoredCredential {
		const row = reference.id === null ? undefined : this.rows.get(reference.id);
		if (row === undefined || row.type !== type) {
			throw new Error(`Credential "${reference.name}" of type "${type}" is not in the test store`);
		}
		return row;
	}
}

export class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		json: string,
		private readonly store: CredentialStore,
	) {
		super(details, type, json);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
		this.store.write({ id: this.id ?? null, name: this.name }, this.type, data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}
