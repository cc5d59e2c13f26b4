// Passkeys (WebAuthn) for the sign-in page and the page "Beveiliging". A button with data-passkey="create" or "request"
// inside a form asks the server for options (with the form's antiforgery token), lets the browser make or use a passkey,
// puts the answer (JSON) into the form's field data-passkey-credential and submits the form; the server checks it.
// No inline script anywhere (Content-Security-Policy): this file is loaded from the pages that have such a button.
const supported = typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

function say(form, text) {
    const message = form.querySelector('[data-passkey-message]');
    if (message) {
        message.textContent = text;
        message.hidden = false;
    }
}

async function run(button) {
    const form = button.form;
    const create = button.dataset.passkey === 'create';
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    button.disabled = true;
    try {
        const response = await fetch(button.dataset.passkeyOptions, {
            method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { RequestVerificationToken: token },
        });
        if (!response.ok) {
            throw new Error('options ' + response.status);
        }
        const options = await response.json();
        const credential = create
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.querySelector('[data-passkey-credential]').value = JSON.stringify(credential);
        form.submit();
    } catch (error) {
        button.disabled = false;
        say(form, error?.name === 'NotAllowedError'
            ? 'Er is geen passkey gebruikt. Probeer het opnieuw als je dat wilde.'
            : 'De passkey werkte niet. Probeer het opnieuw, of gebruik je wachtwoord.');
    }
}

for (const button of document.querySelectorAll('button[data-passkey]')) {
    if (!supported) {
        say(button.form, 'Deze browser kan geen passkeys gebruiken.');
        button.disabled = true;
        continue;
    }
    button.addEventListener('click', () => run(button));
}
